# vanban messages: report (en)
