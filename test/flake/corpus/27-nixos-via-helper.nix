{
  description = "Hosts built through a mkHost helper in a let";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    agenix.url = "github:ryantm/agenix";
    agenix.inputs.nixpkgs.follows = "nixpkgs";
  };

  outputs = { self, nixpkgs, agenix, ... }@inputs:
    let
      mkHost = hostName: system:
        nixpkgs.lib.nixosSystem {
          inherit system;
          specialArgs = { inherit inputs hostName; };
          modules = [
            ./hosts/${hostName}
            agenix.nixosModules.default
            { networking.hostName = hostName; }
          ];
        };
    in
    {
      nixosConfigurations = {
        alpha = mkHost "alpha" "x86_64-linux";
        beta = mkHost "beta" "aarch64-linux";
      };
    };
}
