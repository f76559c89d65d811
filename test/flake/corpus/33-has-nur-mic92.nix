{
  description = "A flake with a NUR repo as a direct input";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  inputs.nur-mic92.url = "github:Mic92/nur-packages";
  inputs.nur-mic92.inputs.nixpkgs.follows = "nixpkgs";

  outputs = { self, nixpkgs, nur-mic92 }: {
    packages.x86_64-linux.default = nur-mic92.packages.x86_64-linux.hello-nur;
  };
}
