{
  description = "Stand-in flake input for offline corpus evaluation";
  outputs = { self }: import ./input.nix;
}
