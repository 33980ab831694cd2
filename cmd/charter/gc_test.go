package main

import "testing"

func TestServeCollectsLessOftenUnlessTheEnvironmentSays(t *testing.T) {
	t.Parallel()
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	percent, limit, ok := gcTuning(env(nil))
	if !ok || percent <= 100 || limit <= 0 {
		t.Errorf("no GOGC, no GOMEMLIMIT: got percent %d, limit %d, tuned %v; want more than Go's 100 and a ceiling", percent, limit, ok)
	}
	for _, vars := range []map[string]string{{"GOGC": "100"}, {"GOGC": "off"}, {"GOMEMLIMIT": "200MiB"}} {
		if p, l, ok := gcTuning(env(vars)); ok {
			t.Errorf("%v: tuned to percent %d, limit %d; the environment's setting should stand", vars, p, l)
		}
	}
}
