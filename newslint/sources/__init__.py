"""Source loaders: turn a file of one format into a Document."""
