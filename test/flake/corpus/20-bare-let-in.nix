{
  description = "Bare inputs argument with a let-in body";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";
    nixpkgs-unstable.url = "github:NixOS/nixpkgs/nixos-unstable";
  };

  outputs = inputs:
    let
      inherit (inputs) nixpkgs nixpkgs-unstable;
      system = "x86_64-linux";
      unstable = nixpkgs-unstable.legacyPackages.${system};
    in
    {
      nixosConfigurations.box = nixpkgs.lib.nixosSystem {
        inherit system;
        specialArgs = { inherit inputs unstable; };
        modules = [
          ./configuration.nix
        ];
      };
    };
}
