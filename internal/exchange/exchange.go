// Package exchange moves data between a county's binder and its
// municipalities' binders as encrypted files, with no server: a county
// package out (templates, county and state partners, training sessions, the
// county's public key), a status package back, and the county's roll-up of
// every municipality's status.
//
// A package file is one line naming its kind and format, then an age
// encrypted, gzip-compressed JSON document. County packages are encrypted
// with a passphrase the county gives out by phone or in person; status
// packages are encrypted to the county's public key, so only the county can
// read them. Age authenticates what it decrypts, so a damaged, truncated or
// tampered file is refused before anything is written.
package exchange

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"filippo.io/age"
)

// FormatVersion is the package format this build writes and the newest it reads.
const FormatVersion = 1

// Kind tells a county package from a status package.
type Kind string

// The kinds of package.
const (
	CountyKind Kind = "county"
	StatusKind Kind = "status"
)

// FileExtension is the extension of package files.
const FileExtension = ".ebpkg"

// magic opens the first line of every package file.
const magic = "ELECTION-BINDER-PACKAGE"

// Limits no real package reaches: a county package with every partner and a
// year of sessions is well under a megabyte.
const (
	maxPackageBytes = 64 << 20
	maxContentBytes = 256 << 20
)

// PassphraseWorkFactor is the cost, as a power of two, of deriving a key
// from a passphrase when a package is written: 18 takes about a second on an
// office PC. Tests lower it.
var PassphraseWorkFactor = 18

// Errors a clerk can act on.
var (
	ErrNotPackage     = errors.New("this file is not an Election Security Binder package")
	ErrWrongKind      = errors.New("this package is of another kind")
	ErrWrongPassword  = errors.New("the passphrase is not the one this package was locked with")
	ErrDamaged        = errors.New("the package is damaged, cut short or was changed after it was written; ask for a new copy")
	ErrNotForThisDesk = errors.New("this status package was written for another county's binder")
)

// NewerFormatError refuses a package written by a newer version of the binder.
type NewerFormatError struct{ Format int }

func (e NewerFormatError) Error() string {
	return fmt.Sprintf("this package was written by a newer version of Election Security Binder (format %d; this version reads up to %d); update the binder to read it", e.Format, FormatVersion)
}

// seal writes doc as a package of the given kind, encrypted to recipient.
func seal(w io.Writer, kind Kind, doc any, recipient age.Recipient) error {
	if _, err := fmt.Fprintf(w, "%s %d %s\n", magic, FormatVersion, kind); err != nil {
		return err
	}
	enc, err := age.Encrypt(w, recipient)
	if err != nil {
		return fmt.Errorf("locking the package: %w", err)
	}
	zw := gzip.NewWriter(enc)
	if err := json.NewEncoder(zw).Encode(doc); err != nil {
		return fmt.Errorf("writing the package: %w", err)
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return enc.Close()
}

// readHeader reads the first line of a package and checks its kind and format.
func readHeader(r *bufio.Reader, want Kind) error {
	line, err := r.ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	fields := strings.Fields(line)
	if len(fields) != 3 || fields[0] != magic {
		return ErrNotPackage
	}
	format, err := strconv.Atoi(fields[1])
	if err != nil || format < 1 {
		return ErrNotPackage
	}
	if format > FormatVersion {
		return NewerFormatError{format}
	}
	if Kind(fields[2]) != want {
		return fmt.Errorf("%w: it is a %s package, and a %s package was expected", ErrWrongKind, fields[2], want)
	}
	return nil
}

// open reads a package of the given kind from src into doc with identity.
func open(src []byte, want Kind, identity age.Identity, doc any) error {
	if len(src) > maxPackageBytes {
		return fmt.Errorf("the file is %d MB; a package is never larger than %d MB", len(src)>>20, maxPackageBytes>>20)
	}
	r := bufio.NewReader(bytes.NewReader(src))
	if err := readHeader(r, want); err != nil {
		return err
	}
	plain, err := age.Decrypt(r, identity)
	if err != nil {
		var noMatch *age.NoIdentityMatchError
		switch {
		case errors.As(err, &noMatch) && want == CountyKind:
			return ErrWrongPassword
		case errors.As(err, &noMatch):
			return ErrNotForThisDesk
		case strings.Contains(err.Error(), "incorrect passphrase"):
			return ErrWrongPassword
		}
		return ErrDamaged
	}
	zr, err := gzip.NewReader(plain)
	if err != nil {
		return ErrDamaged
	}
	body, err := io.ReadAll(io.LimitReader(zr, maxContentBytes+1))
	if err != nil {
		return ErrDamaged
	}
	if len(body) > maxContentBytes {
		return fmt.Errorf("the package unpacks to more than %d MB; it was not written by Election Security Binder", maxContentBytes>>20)
	}
	if err := json.Unmarshal(body, doc); err != nil {
		return fmt.Errorf("%w (%v)", ErrDamaged, err)
	}
	return nil
}

// envelope is the part every package's content starts with.
type envelope struct {
	Format int  `json:"format"`
	Kind   Kind `json:"kind"`
}

// check refuses content whose inner kind or format disagrees with its header.
func (e envelope) check(want Kind) error {
	if e.Format > FormatVersion {
		return NewerFormatError{e.Format}
	}
	if e.Kind != want || e.Format < 1 {
		return ErrDamaged
	}
	return nil
}

// passphraseRecipient locks a county package with a passphrase.
func passphraseRecipient(passphrase string) (age.Recipient, error) {
	if err := CheckPassphrase(passphrase); err != nil {
		return nil, err
	}
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return nil, err
	}
	r.SetWorkFactor(PassphraseWorkFactor)
	return r, nil
}

// passphraseIdentity unlocks a county package with a passphrase.
func passphraseIdentity(passphrase string) (age.Identity, error) {
	if passphrase == "" {
		return nil, errors.New("type the passphrase the county gave you")
	}
	return age.NewScryptIdentity(passphrase)
}

// MinPassphraseLength is the shortest passphrase a county package accepts.
const MinPassphraseLength = 10

// CheckPassphrase says in plain words why a passphrase is too weak, or nil.
func CheckPassphrase(p string) error {
	if n := len([]rune(strings.TrimSpace(p))); n < MinPassphraseLength {
		return fmt.Errorf("the passphrase needs at least %d characters (a few words are easiest to read out by phone)", MinPassphraseLength)
	}
	return nil
}
