package session

// StoreForTest gives the package's own tests the store a service reads, to check
// what was stored; screens, reports and commands go through the service.
func (s *Service) StoreForTest() Store { return s.store }
