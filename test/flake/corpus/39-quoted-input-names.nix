{
  description = "Input names that must be quoted";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    "nur-packages".url = "github:someone/nur-packages";
    "game-2048" = {
      url = "github:gabrielecirulli/2048";
      flake = false;
    };
  };

  outputs = inputs@{ self, nixpkgs, ... }: {
    packages.x86_64-linux.game = nixpkgs.legacyPackages.x86_64-linux.runCommand "game-2048" { } ''
      cp -r ${inputs."game-2048"} $out
    '';
  };
}
