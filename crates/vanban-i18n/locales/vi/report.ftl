# vanban messages: report (vi)
