package command

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/recondo/recondo/gateway/ca"
)

func init() {
	register("init", command{summary: "create the gateway's CA (--install: trust it system-wide)", usage: initUsage, run: runInit})
	register("ca show", command{summary: "show the CA: fingerprint, subject, validity", usage: caShowUsage, run: runCAShow})
	register("ca export", command{summary: "write the CA certificate to a file", usage: caExportUsage, run: runCAExport})
	register("ca revoke", command{summary: "remove the CA from the system trust store", usage: caRevokeUsage, run: runCARevoke})
}

const initUsage = `recondo init [--install] [--force]

Creates the ECDSA P-256 CA the gateway signs its per-host certificates with, in <data-dir>/ca
(ca.crt 0644, ca.key 0600). Agents must trust ca.crt (NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, ...).

Examples:
  recondo init
  sudo recondo init --install     # also add it to the system trust store (update-ca-certificates)

`

func caDir(e *env) string { return filepath.Join(e.dataDir, "ca") }

func runInit(e *env, args []string) int {
	fs := e.flags("init", initUsage)
	install := fs.Bool("install", false, "add the CA to the system trust store")
	force := fs.Bool("force", false, "replace an existing CA (every agent must then trust the new one)")
	if fs.Parse(args) != nil {
		return ExitUsage
	}
	a, err := ca.Init(caDir(e), ca.InitOptions{Force: *force})
	if errors.Is(err, ca.ErrExists) {
		return e.fail(ExitFailed, "%v", err)
	}
	if err != nil {
		return e.fail(ExitInternal, "init: %v", err)
	}
	if *install {
		if err := (ca.TrustStore{}).Install(a); err != nil {
			return e.fail(ExitFailed, "install into the system trust store: %v", err)
		}
	}
	return printInfo(e, a.Info(), *install)
}

const caShowUsage = `recondo ca show [--json]

Prints the CA's SHA-256 fingerprint, subject, validity and path.

`

func runCAShow(e *env, args []string) int {
	fs := e.flags("ca show", caShowUsage)
	if fs.Parse(args) != nil {
		return ExitUsage
	}
	a, err := ca.Load(caDir(e))
	if err != nil {
		return caLoadFailed(e, err)
	}
	installed, _ := (ca.TrustStore{}).Installed(a)
	return printInfo(e, a.Info(), installed)
}

func printInfo(e *env, info ca.Info, trusted bool) int {
	if e.json {
		return e.printJSON(struct {
			ca.Info
			SystemTrusted bool `json:"system_trusted"`
		}{info, trusted})
	}
	fmt.Fprintf(e.stdout, "Subject:      %s\nFingerprint:  %s\nValid:        %s to %s\nCertificate:  %s\nSystem trust: %v\n",
		info.Subject, info.Fingerprint, info.NotBefore.Format(time.DateOnly), info.NotAfter.Format(time.DateOnly), info.Path, trusted)
	return ExitOK
}

const caExportUsage = `recondo ca export FILE

Writes the CA certificate (never the key) to FILE, e.g. for NODE_EXTRA_CA_CERTS on another machine.

`

func runCAExport(e *env, args []string) int {
	fs := e.flags("ca export", caExportUsage)
	if fs.Parse(args) != nil || fs.NArg() != 1 {
		fs.Usage()
		return ExitUsage
	}
	a, err := ca.Load(caDir(e))
	if err != nil {
		return caLoadFailed(e, err)
	}
	if err := a.Export(fs.Arg(0)); err != nil {
		return e.fail(ExitFailed, "export: %v", err)
	}
	if e.json {
		return e.printJSON(map[string]string{"path": fs.Arg(0), "fingerprint": a.Info().Fingerprint})
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", fs.Arg(0))
	return ExitOK
}

const caRevokeUsage = `recondo ca revoke

Removes the CA from the system trust store (the files in <data-dir>/ca stay).

`

func runCARevoke(e *env, args []string) int {
	fs := e.flags("ca revoke", caRevokeUsage)
	if fs.Parse(args) != nil {
		return ExitUsage
	}
	a, err := ca.Load(caDir(e))
	if err != nil {
		return caLoadFailed(e, err)
	}
	if err := (ca.TrustStore{}).Revoke(a); err != nil {
		return e.fail(ExitFailed, "revoke: %v", err)
	}
	fmt.Fprintln(e.stdout, "removed from the system trust store")
	return ExitOK
}

func caLoadFailed(e *env, err error) int {
	if errors.Is(err, ca.ErrNotFound) {
		return e.fail(ExitNotFound, "%v", err)
	}
	return e.fail(ExitFailed, "%v", err)
}
