{
  description = "Home Manager with modules from a let and a per-user helper";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    home-manager = {
      url = "github:nix-community/home-manager";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    nix-index-database = {
      url = "github:nix-community/nix-index-database";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs =
    { nixpkgs
    , home-manager
    , nix-index-database
    , ...
    }:
    let
      pkgs = import nixpkgs { system = "x86_64-linux"; config.allowUnfree = true; };
      sharedModules = [ nix-index-database.hmModules.nix-index ];
    in
    {
      homeConfigurations = {
        dave = home-manager.lib.homeManagerConfiguration {
          inherit pkgs;
          modules = sharedModules ++ [ ./home/dave.nix ];
        };
        "dave@work" = home-manager.lib.homeManagerConfiguration {
          inherit pkgs;
          modules = [
            ./home/dave.nix
            ./home/work.nix
          ];
        };
      };
    };
}
