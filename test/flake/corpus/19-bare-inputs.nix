{
  description = "outputs takes a bare inputs argument";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  inputs.flake-utils.url = "github:numtide/flake-utils";

  outputs = inputs:
    inputs.flake-utils.lib.eachDefaultSystem (system: {
      packages.default = inputs.nixpkgs.legacyPackages.${system}.hello;
    });
}
