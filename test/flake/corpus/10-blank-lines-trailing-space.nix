{


  description = "Lots of blank lines, and trailing whitespace";   



  inputs = {

    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";  


    flake-utils.url = "github:numtide/flake-utils";

  };



  outputs = { self, nixpkgs, flake-utils }:

    {

      packages.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.hello;

    };


}

