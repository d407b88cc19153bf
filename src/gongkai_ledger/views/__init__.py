"""What each command shows, as plain data (dataclasses, lists, dicts); no formatting."""
