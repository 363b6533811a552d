# vanban messages: output (en)
