package mask

import (
	"sync"
	"testing"
)

var cases = []struct {
	name, in, want string
}{
	// Roots.
	{"home", "/home/alice/src/app/main.go", "[path-1]"},
	{"bare home", "cd /home/alice", "cd [path-1]"},
	{"home without user", "ls /home/ now", "ls /home/ now"},
	{"macOS", "/Users/bob/Library/x", "[path-1]"},
	{"root", "/root and /root/.ssh/id_rsa", "[path-1] and [path-2]"},
	{"root prefix of a name", "/rootfs/etc", "/rootfs/etc"},
	{"tmp", "wrote /tmp/go-build123/b001/exe", "wrote [path-1]"},
	{"tmp alone", "/tmp is full", "/tmp is full"},
	{"private var", "/private/var/folders/xy/T/a", "[path-1]"},
	{"private tmp", "/private/tmp/x", "[path-1]"},
	{"var folders", "/var/folders/xy/abc/T/tmp1", "[path-1]"},
	{"tilde", "edit ~/.config/app.toml", "edit [path-1]"},
	{"tilde user", "ls ~alice/ and ~bob/src", "ls [path-1] and [path-2]"},
	{"tilde alone", "~/ and ~ and ~5/10 and a~/b", "~/ and ~ and ~5/10 and a~/b"},
	{"windows", `C:\Users\Bob\src\x.cs`, "[path-1]"},
	{"windows forward", `d:/users/bob/x`, "[path-1]"},
	{"windows mixed case", `open C:\USERS\bob\new\test.txt now`, "open [path-1] now"},
	{"windows not a drive", `ab:\Users\x`, `ab:\Users\x`},
	{"windows no user", `C:\Users\ now`, `C:\Users\ now`},
	{"WSL", "/mnt/c/Users/bob/x.txt", "[path-1]"},
	{"mid path", "/srv/data/home/bob/x", "[path-1]"},
	{"schemeless url", "example.com/home/alice", "[path-1]"},
	{"after option letter", "cc -I/home/a/include x.c", "cc [path-1] x.c"},
	{"after equals", "--dir=/home/a/x", "--dir=[path-1]"},

	// Encodings.
	{"json unix", `{"cwd":"\/home\/alice\/src"}`, `{"cwd":"[path-1]"}`},
	{"json Users", `"\/Users\/x\/y"`, `"[path-1]"`},
	{"json windows", `{"p":"C:\\Users\\bob\\new.txt"}`, `{"p":"[path-1]"}`},
	{"json windows newline", `"C:\\Users\\bob\\x\n"`, `"[path-1]\n"`},
	{"double json windows", `"{\"p\":\"C:\\\\Users\\\\bob\\\\x\\\"}"`, `"{\"p\":\"[path-1]\\\"}"`},
	{"json escaped quote", `"cat \"/home/a/x\" now"`, `"cat \"[path-1]\" now"`},
	{"json newline", `"ls /home/a/x\n/home/b/y"`, `"ls [path-1]\n[path-2]"`},
	{"json unicode name", `"\/Users\/jos\u00e9\/x"`, `"[path-1]"`},
	{"json unicode stop", `"/home/a/x\u003cb"`, `"[path-1]\u003cb"`},
	{"file uri", "open file:///home/alice/x.txt", "open [path-1]"},
	{"file uri localhost", "file://localhost/Users/a/b", "[path-1]"},
	{"file uri windows", "file:///C:/Users/bob/x", "[path-1]"},
	{"file uri system", "file:///usr/share/doc", "file:///usr/share/doc"},
	{"percent", "?path=%2Fhome%2Falice%2Fsrc&x=1", "?path=[path-1]&x=1"},
	{"percent lower", "%2fUsers%2fbob", "[path-1]"},
	{"nfd", "/Users/jose\u0301/x", "[path-1]"},
	{"invalid utf8", "/home/\xff\xfe/x \xff", "[path-1] \xff"},

	// Where a path ends.
	{"sentence", "see /home/bob/x.go.", "see [path-1]."},
	{"ellipsis", "see /home/bob/x...", "see [path-1]..."},
	{"comma space", "/home/a/x, /home/a/y", "[path-1], [path-2]"},
	{"comma in name", "/home/a/x,y", "[path-1]"},
	{"colon", "in /home/a/x: bad", "in [path-1]: bad"},
	{"file line col", "/home/a/x.go:12:3: error", "[path-1]:12:3: error"},
	{"path list", "PATH=/usr/bin:/home/a/bin:/root", "PATH=/usr/bin:[path-1]:[path-2]"},
	{"question", "is it /tmp/x?", "is it [path-1]?"},
	{"quotes", "'/home/a/x' `/home/a/y`", "'[path-1]' `[path-2]`"},
	{"brackets", "(/home/a/x) [/home/a/y] {/home/a/z} </home/a/w>", "([path-1]) [[path-2]] {[path-3]} <[path-4]>"},
	{"markdown link", "[x](/home/a/x.md)", "[x]([path-1])"},
	{"msbuild position", `C:\Users\a\P.cs(12,5): error`, "[path-1](12,5): error"},
	{"shell and", "cd /home/a/x&&make", "cd [path-1]&&make"},
	{"cjk", "文件在/home/a/x 。", "文件在[path-1] 。"},

	// Not paths.
	{"https url", "https://example.com/home/alice", "https://example.com/home/alice"},
	{"http url port", "http://10.0.0.1:8080/tmp/x and more", "http://10.0.0.1:8080/tmp/x and more"},
	{"url query", "https://x.io/a?f=/home/a/b", "https://x.io/a?f=[path-1]"},
	{"json url", `"https:\/\/example.com\/home\/alice"`, `"https:\/\/example.com\/home\/alice"`},
	{"url then path", `"https://e.com/a\n/home/b/c"`, `"https://e.com/a\n[path-1]"`},
	{"words", "at home, the Users and root of tmp", "at home, the Users and root of tmp"},
	{"api route", "POST /api/v1/messages", "POST /api/v1/messages"},
	{"system", "#!/usr/bin/env bash /etc/hosts /var/log/x", "#!/usr/bin/env bash /etc/hosts /var/log/x"},
	{"homestead", "/homestead/x", "/homestead/x"},
	{"empty", "", ""},

	// Numbering.
	{"repeat", "/home/a/x /home/a/y /home/a/x", "[path-1] [path-2] [path-1]"},
	{"same path other encoding", `/home/a/x "\/home\/a\/x" %2Fhome%2Fa%2Fx file:///home/a/x`, `[path-1] "[path-1]" [path-1] [path-1]`},
	{"windows case", `C:\Users\Bob\x c:/users/bob/x`, "[path-1] [path-1]"},
}

func TestString(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := New().String(tc.in); got != tc.want {
				t.Errorf("String(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
			if got := New().Bytes([]byte(tc.in)); string(got) != tc.want {
				t.Errorf("Bytes(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMaskerKeepsNumbersAcrossCalls(t *testing.T) {
	m := New()
	steps := []struct{ in, want string }{
		{"/home/a/x", "[path-1]"},
		{"/tmp/y and /home/a/x", "[path-2] and [path-1]"},
		{"no paths", "no paths"},
	}
	for _, s := range steps {
		if got := m.String(s.in); got != s.want {
			t.Errorf("String(%q) = %q, want %q", s.in, got, s.want)
		}
	}
	if got, want := m.Len(), 2; got != want {
		t.Errorf("Len() = %d, want %d", got, want)
	}
}

func TestNoPathsNoCopy(t *testing.T) {
	in := []byte("nothing to see at /usr/bin or https://example.com/home/alice")
	if got := New().Bytes(in); &got[0] != &in[0] {
		t.Error("Bytes copied text without paths")
	}
	s := string(in)
	if n := testing.AllocsPerRun(100, func() { New().String(s) }); n > 1 {
		t.Errorf("String allocated %v times on text without paths, want at most 1 (the Masker)", n)
	}
}

func TestZeroValue(t *testing.T) {
	var m Masker
	if got, want := m.String("/home/a/x"), "[path-1]"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestRootInitials guards the first-letter shortcut in unixRoot: a root added to unixRoots must
// have its initial marked, or it would never match.
func TestRootInitials(t *testing.T) {
	for _, r := range unixRoots {
		if c := r.names[0][0]; !rootInitial[c] {
			t.Errorf("root %q: initial %q missing from rootInitial", r.names, c)
		}
	}
}

// TestConcurrent checks that one Masker shared by the resolvers of an answer hands every path one
// number, whichever goroutine sees it first.
func TestConcurrent(t *testing.T) {
	m := New()
	paths := []string{"/home/a/1", "/home/a/2", "/home/a/3", "/home/a/4"}
	got := make([][]string, 8)
	var wg sync.WaitGroup
	for g := range got {
		wg.Go(func() {
			for _, p := range paths {
				got[g] = append(got[g], m.String(p))
			}
		})
	}
	wg.Wait()
	for g := range got {
		for i := range paths {
			if got[g][i] != got[0][i] {
				t.Errorf("goroutine %d got %q for %s, goroutine 0 got %q", g, got[g][i], paths[i], got[0][i])
			}
		}
	}
	if m.Len() != len(paths) {
		t.Errorf("Len() = %d, want %d", m.Len(), len(paths))
	}
}
