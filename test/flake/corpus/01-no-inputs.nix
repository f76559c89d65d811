{
  description = "A flake with no inputs at all";

  outputs = { self }: {
    lib.greeting = "hello";
  };
}
