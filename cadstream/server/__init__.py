"""The aiohttp server: thin handlers over validation and the job system (never cadquery)."""
