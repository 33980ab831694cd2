package server

// Resizes is how many window sizes the server delivered to programs so far.
func (s *Server) Resizes() int64 { return s.resizes.Load() }

// ResizeEvery is the shortest time between two sizes delivered to a program.
const ResizeEvery = resizeEvery
