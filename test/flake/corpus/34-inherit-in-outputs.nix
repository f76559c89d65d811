{
  description = "inherit everywhere in the outputs";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils, ... }:
    let
      inherit (nixpkgs) lib;
      inherit (flake-utils.lib) eachDefaultSystem;
    in
    {
      inherit lib;
      inherit (self) outPath;
      overlays.default = final: prev: { inherit (prev) hello; };
    } // eachDefaultSystem (system: {
      legacyPackages = import nixpkgs { inherit system; };
    });
}
