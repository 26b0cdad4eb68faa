package norm

import "testing"

func TestSkeleton(t *testing.T) {
	tests := []struct{ in, want string }{
		{"mohammed", "mhmd"},
		{"Muhammad", "mhmd"},
		{"mueller", "mlr"},
		{"Müller", "mlr"},
		{"aleksandr", "lksndr"},
		{"alexander", "lksndr"},
		{"abdullah", "bdl"},
		{"abdulla", "bdl"},
		{"ivanoff", "vnv"},
		{"ivanov", "vnv"},
		{"ivanow", "vnv"},
		{"tchaikovsky", "chkvsk"},
		{"chaikovskiy", "chkvsk"},
		{"gorbatschow", "grbchv"},
		{"gorbachev", "grbchv"},
		{"schmidt", "shmdt"},
		{"shmidt", "shmdt"},
		{"zhukov", "jkv"},
		{"djamal", "jml"},
		{"dzhamal", "jml"},
		{"jamal", "jml"},
		{"philip", "flp"},
		{"filip", "flp"},
		{"quentin", "kntn"},
		{"cesar", "ssr"},
		{"carlos", "krls"},
		{"ghulam", "glm"},
		{"golam", "glm"},
		{"sergej", "srg"},
		{"mehmet", "mhmt"},
		{"lukasz", "lksh"},
		{"fritz", "frts"},
		{"jurij", "jr"},
		{"ai", "ai"},
		{"2000", "2000"},
		{"习近平", "习近平"},
		{"", ""},
		{"Abdul Rahman", "bdlrhmn"},
	}
	for _, tt := range tests {
		if got := Skeleton(tt.in); got != tt.want {
			t.Errorf("Skeleton(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
