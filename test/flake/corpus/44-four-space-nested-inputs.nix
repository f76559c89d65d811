{
    description = "Four spaces, nested inputs attributes inside inputs, comment before =";

    inputs /* pinned by renovate */ = {
        nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
        flake-utils.url = "github:numtide/flake-utils";
        crane = {
            url = "github:ipetkov/crane";
            inputs = {
                nixpkgs.follows = "nixpkgs";
                flake-utils.follows = "flake-utils";
            };
        };
        fenix = {
            url = "github:nix-community/fenix";
            inputs.nixpkgs.follows = "nixpkgs";
        };
    };

    outputs = { self, nixpkgs, flake-utils, crane, fenix, ... }:
        flake-utils.lib.eachDefaultSystem (system:
            let
                pkgs = nixpkgs.legacyPackages.${system};
                craneLib = crane.mkLib pkgs;
            in
            {
                packages.default = craneLib.buildPackage { src = ./.; };
            });
}
