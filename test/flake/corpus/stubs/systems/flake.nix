{
  description = "Stand-in for nix-systems";
  outputs = { self }: { };
}
