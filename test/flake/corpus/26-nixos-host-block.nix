{
  description = "Hosts in one nixosConfigurations block, one of them quoted";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    sops-nix = {
      url = "github:Mic92/sops-nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, sops-nix, ... }: {
    nixosConfigurations = {
      desktop = nixpkgs.lib.nixosSystem {
        system = "x86_64-linux";
        modules = [
          ./hosts/desktop
          sops-nix.nixosModules.sops
        ];
      };
      "web-01" = nixpkgs.lib.nixosSystem {
        system = "x86_64-linux";
        modules = [
          ./hosts/web-01
          sops-nix.nixosModules.sops
          { networking.hostName = "web-01"; }
        ];
      };
      router = nixpkgs.lib.nixosSystem {
        system = "aarch64-linux";
        modules = [ ./hosts/router ];
      };
    };
  };
}
