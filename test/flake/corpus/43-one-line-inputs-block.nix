{
    description = "Four-space indent and an inputs block on one line";

    inputs = { nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable"; utils.url = "github:numtide/flake-utils"; };

    outputs = { self, nixpkgs, utils }: utils.lib.eachDefaultSystem (system: {
        packages.default = nixpkgs.legacyPackages.${system}.hello;
    });
}
