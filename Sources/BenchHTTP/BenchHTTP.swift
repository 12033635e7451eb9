// HTTP/1.1 over epoll: see the files of this module.
