package sqlite_test

import (
	"testing"

	"github.com/charter-tool/charter/internal/testmain"
)

func TestMain(m *testing.M) { testmain.Run(m) }
