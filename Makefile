# Election Security Binder — build, run and test.
# On Debian or Ubuntu, `make run` and `make test` first install the system
# packages they need (only those missing), with sudo when not root.

BINARY      := binder
BUILD_PKGS  := gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev libwayland-dev
TEST_PKGS   := poppler-utils qpdf python3-icalendar
WIN_PKGS    := gcc-mingw-w64-x86-64
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build windows mac deps test-deps windows-deps bench clean

run: deps
	go run . $(ARGS)

test: deps test-deps
	@unformatted="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"; \
	if [ -n "$$unformatted" ]; then echo "Not gofmt-formatted:"; echo "$$unformatted"; exit 1; fi
	go vet ./...
	go test ./...

build: deps
	go build -o $(BINARY) .

# A Windows .exe (GUI subsystem, icon embedded), cross-built with mingw-w64.
# The fyne tool is built for this machine first, since GOOS=windows applies to what it builds.
windows: windows-deps
	mkdir -p dist
	go build -o dist/fyne fyne.io/tools/cmd/fyne
	cp FyneApp.toml dist/FyneApp.toml.keep # fyne package raises the build number in it
	CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 GOOS=windows GOARCH=amd64 \
		dist/fyne package --os windows --release --name $(BINARY) --icon assets/icon.png
	mv -f $(BINARY).exe dist/$(BINARY).exe
	mv -f dist/FyneApp.toml.keep FyneApp.toml
	@echo "dist/$(BINARY).exe"

# A Mac .app; run on a Mac with Xcode's command-line tools.
mac:
	go tool fyne package --os darwin --release --icon assets/icon.png

bench:
	go test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf $(BINARY) dist

deps:
	@$(call apt_install,$(BUILD_PKGS))
test-deps:
	@$(call apt_install,$(TEST_PKGS))
windows-deps:
	@$(call apt_install,$(WIN_PKGS))

# apt_install installs the Debian packages in $(1) that are missing; elsewhere it does nothing.
define apt_install
	if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
		missing=""; \
		for p in $(1); do \
			dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
		done; \
		if [ -n "$$missing" ]; then \
			echo "Installing:$$missing"; \
			$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
		fi; \
	fi
endef
