{
  description = "A system that already uses NUR";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    nur = {
      url = "github:nix-community/NUR";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, nur, ... }: {
    nixosConfigurations.desktop = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        nur.modules.nixos.default
        ./configuration.nix
        ({ pkgs, ... }: {
          environment.systemPackages = [ pkgs.nur.repos.mic92.hello-nur ];
        })
      ];
    };
  };
}
