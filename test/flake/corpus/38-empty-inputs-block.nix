{
  description = "An empty inputs block";

  inputs = { };

  outputs = { self, ... }: {
    lib.version = "1.0.0";
  };
}
