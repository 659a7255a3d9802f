"""Testing kit (see strategies)."""
