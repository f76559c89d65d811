# Like github:nix-systems/default: importing it gives a list of systems.
[ "x86_64-linux" "aarch64-linux" ]
