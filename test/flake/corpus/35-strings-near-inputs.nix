{
  description = "Strings that look like inputs: \"inputs.fake.url = ...\" and \${not-interpolated}";

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
      notes = ''
        A string that looks like inputs:
          inputs.fake.url = "github:not/an-input";
        and uses ''${escaped} interpolation.
      '';
    in {
      packages.${system}.docs = pkgs.runCommand name { } ''
        mkdir -p $out
        cp -r ${src-docs}/book $out/
        echo "inputs = { x.url = \"${name}\"; }" > $out/README
        echo '''quoted''' >> $out/README
        cat > $out/NOTES <<EOF
        ${notes}
        EOF
      '';
    };
}
