# vanban messages: lint (en)
