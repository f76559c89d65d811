{
  description = "flake-utils eachDefaultSystem merged with system-independent outputs";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem
      (system:
        let pkgs = import nixpkgs { inherit system; overlays = [ self.overlays.default ]; };
        in {
          packages = {
            inherit (pkgs) mytool;
            default = pkgs.mytool;
          };
          apps.default = flake-utils.lib.mkApp { drv = pkgs.mytool; };
        }
      ) // {
      overlays.default = final: prev: {
        mytool = prev.hello;
      };
      nixosModules.default = { config, lib, pkgs, ... }: {
        options.services.mytool.enable = lib.mkEnableOption "mytool";
      };
    };
}
