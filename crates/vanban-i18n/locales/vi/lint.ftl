# vanban messages: lint (vi)
