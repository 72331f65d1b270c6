fn main() {
    account_sandbox::start();
}
