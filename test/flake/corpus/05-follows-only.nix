{
  description = "Inputs that only follow other inputs";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    nixpkgs-stable.follows = "nixpkgs";
    flake-utils.url = "github:numtide/flake-utils";
    systems.follows = "flake-utils/systems";
  };

  outputs = { self, nixpkgs, nixpkgs-stable, flake-utils, systems }: {
    legacyPackages.x86_64-linux = nixpkgs-stable.legacyPackages.x86_64-linux;
  };
}
