{
  description = "nixpkgs input named nixos; hosts via an inherited lib.nixosSystem";

  inputs = {
    nixos.url = "github:NixOS/nixpkgs/nixos-24.05";
    nixos-unstable.url = "github:NixOS/nixpkgs/nixos-unstable";
  };

  outputs = { self, nixos, nixos-unstable, ... }:
    let
      inherit (nixos) lib;
    in
    {
      nixosConfigurations.media = lib.nixosSystem {
        system = "x86_64-linux";
        modules = [
          ./hosts/media # the living-room box
          ({ ... }: { nixpkgs.overlays = [ (final: prev: { unstable = nixos-unstable.legacyPackages.${prev.system}; }) ]; })
          # ./hosts/media/extra.nix
        ];
      };
      nixosConfigurations.backup = nixos.lib.nixosSystem rec {
        system = "aarch64-linux";
        specialArgs.hostSystem = system;
        modules = [ ./hosts/backup /* the NAS */ ];
      };
    };
}
