{
  description = "Module lists built with ++ and a shared list";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    impermanence.url = "github:nix-community/impermanence";
  };

  outputs = { self, nixpkgs, impermanence, ... }:
    let
      commonModules = [
        ./modules/common.nix
        impermanence.nixosModules.impermanence
      ];
    in
    {
      nixosConfigurations.edge = nixpkgs.lib.nixosSystem {
        system = "x86_64-linux";
        modules = commonModules ++ [
          ./hosts/edge
        ];
      };
      nixosConfigurations.core = nixpkgs.lib.nixosSystem {
        system = "x86_64-linux";
        modules = [ ./hosts/core ] ++ commonModules;
      };
    };
}
