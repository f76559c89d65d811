{
  description = "Home Manager configurations for two users";

  inputs = {
    nixpkgs.url = "github:nixos/nixpkgs/nixos-unstable";
    home-manager = {
      url = "github:nix-community/home-manager";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { nixpkgs, home-manager, ... }:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      homeConfigurations."alice@laptop" = home-manager.lib.homeManagerConfiguration {
        inherit pkgs;
        modules = [
          ./home/alice.nix
          {
            home.username = "alice";
            home.homeDirectory = "/home/alice";
            home.stateVersion = "24.05";
          }
        ];
      };
      homeConfigurations.bob = home-manager.lib.homeManagerConfiguration {
        inherit pkgs;
        extraSpecialArgs = { editor = "helix"; };
        modules = [ ./home/bob.nix ];
      };
    };
}
