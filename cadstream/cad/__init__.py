"""CadQuery geometry: imported by worker processes only, never by the server process."""
