"""Python checks, one module per rule family. Importing a module registers its rules."""
