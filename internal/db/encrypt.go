package db

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"filippo.io/age"
)

// ageHeader starts every encrypted backup (the age file format).
const ageHeader = "age-encryption.org/v1"

// ScryptWorkFactor is the log2 of the scrypt work an encrypted backup asks
// of anyone trying a passphrase (about a second on an office desktop).
var ScryptWorkFactor = 18

// Errors about encrypted backups.
var (
	ErrEncrypted       = errors.New("this backup is encrypted; give the passphrase it was written with")
	ErrWrongPassphrase = errors.New("the passphrase does not open this backup; nothing was restored")
	ErrNoPassphrase    = errors.New("an encrypted backup needs a passphrase")
)

// IsEncrypted reports whether the file at path is an encrypted backup.
func IsEncrypted(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(ageHeader))
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, []byte(ageHeader))
}

// BackupEncrypted writes a consistent copy of the open database to out,
// encrypted with passphrase (age, scrypt), so a backup carried on a USB stick
// does not give away the directory's phone numbers. Only the encrypted file
// is written beside out; it appears under its final name once complete.
func BackupEncrypted(conn *sql.DB, out, passphrase string) error {
	if passphrase == "" {
		return ErrNoPassphrase
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s already exists; choose a new file name", out)
	}
	plain, err := os.CreateTemp("", "binder-backup-*.db")
	if err != nil {
		return err
	}
	plain.Close()
	os.Remove(plain.Name())
	defer os.Remove(plain.Name())
	if err := writeCopy(conn, plain.Name()); err != nil {
		return err
	}
	tmp, err := tempPathBeside(out)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := encryptFile(plain.Name(), tmp, passphrase); err != nil {
		return fmt.Errorf("encrypting the backup: %w", err)
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("saving the backup as %s: %w", out, err)
	}
	return RecordBackup(conn, BackupRecord{TakenAt: time.Now(), Path: out, Encrypted: true})
}

// RestoreEncrypted restores the encrypted backup src over dst as Restore
// does. A wrong passphrase returns ErrWrongPassphrase and changes nothing.
func RestoreEncrypted(dst, src, passphrase string) (aside string, err error) {
	if passphrase == "" {
		return "", ErrNoPassphrase
	}
	plain, err := tempPathBeside(dst)
	if err != nil {
		return "", err
	}
	defer os.Remove(plain)
	if err := decryptFile(src, plain, passphrase); err != nil {
		return "", err
	}
	return restorePlain(dst, plain, filepath.Base(src))
}

func encryptFile(src, dst, passphrase string) error {
	recipient, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return err
	}
	recipient.SetWorkFactor(ScryptWorkFactor)
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer out.Close()
	w, err := age.Encrypt(out, recipient)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, in); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if err := out.Sync(); err != nil {
		return err
	}
	return out.Close()
}

func decryptFile(src, dst, passphrase string) error {
	identity, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("reading %s: %w", filepath.Base(src), err)
	}
	defer in.Close()
	r, err := age.Decrypt(in, identity)
	var noMatch *age.NoIdentityMatchError
	switch {
	case errors.As(err, &noMatch), errors.Is(err, age.ErrIncorrectIdentity):
		return ErrWrongPassphrase
	case err != nil:
		return fmt.Errorf("%s is not an encrypted backup this program can read: %w", filepath.Base(src), err)
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer out.Close()
	if _, err := io.Copy(out, r); err != nil {
		return fmt.Errorf("%s is damaged: %w", filepath.Base(src), err)
	}
	return out.Close()
}
