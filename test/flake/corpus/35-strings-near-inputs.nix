{
  description = ''
    A flake whose strings look like inputs:
      inputs.fake.url = "github:not/an-input";
    and use ''${interpolation} escapes.
  '';

  nixConfig = {
    extra-substituters = [ "https://cache.example.org" ];
    extra-trusted-public-keys = [ "cache.example.org-1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" ];
  };

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    # inputs = { not-this.url = "…"; };
    src-docs = { url = "github:example/docs"; flake = false; };
  };

  outputs = { self, nixpkgs, src-docs, ... }:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
      name = "docs-${self.shortRev or "dirty"}";
    in {
      packages.${system}.docs = pkgs.runCommand name { } ''
        mkdir -p $out
        cp -r ${src-docs}/book $out/
        echo "inputs = { x.url = \"${name}\"; }" > $out/README
        echo '''quoted''' >> $out/README
      '';
    };
}
