"""The `wave` command-line commands, one module each; registered in `wave.cli`."""
