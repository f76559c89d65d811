# `import input { … }` (nixpkgs with a system, a non-flake NUR repo with pkgs) gives a package set.
args: import ./pkgs.nix (if builtins.isAttrs args then args else { })
