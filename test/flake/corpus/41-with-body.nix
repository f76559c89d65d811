{
  description = "A with-expression as the outputs body";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs }:
    with nixpkgs.lib; {
      lib.hosts = genAttrs [ "a" "b" ] (name: "${name}.example.org");
      checks = genAttrs [ "x86_64-linux" ] (system: { });
    };
}
