# vanban messages: output (vi)
