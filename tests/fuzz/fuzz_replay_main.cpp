// Runs the fuzz target without libFuzzer, for the normal (gcc) build and CTest:
// every file of the given corpus directories (or single files), then a number
// of deterministic pseudo-random inputs built from valid frames and mutations.
//
//   fuzz_frame_decoder_replay [--random N] [--seed S] PATH...
//
// A failed check aborts, which fails the test.

#include "proto/framing/FrameCodec.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

namespace v1 = sitroom::v1;
using Bytes = std::vector<std::uint8_t>;

Bytes readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void run(const Bytes &input)
{
    LLVMFuzzerTestOneInput(input.data(), input.size());
}

class InputMaker final
{
public:
    explicit InputMaker(std::uint64_t seed) : m_random(seed) {}

    Bytes next()
    {
        Bytes input;
        // Header: the cap selector (half the time a small cap) and three chunk sizes.
        input.push_back(static_cast<std::uint8_t>(below(2) ? 0x80 | below(8) : below(0x80)));
        for (int i = 0; i < 3; ++i)
            input.push_back(static_cast<std::uint8_t>(below(4) == 0 ? 0 : 1 + below(40)));

        if (below(10) == 0) { // plain noise
            const auto count = below(200);
            for (std::uint64_t i = 0; i < count; ++i)
                input.push_back(byte());
            return input;
        }

        QByteArray stream;
        const auto frames = below(6);
        for (std::uint64_t i = 0; i < frames; ++i)
            sitroom::framing::appendFrame(stream, envelope());
        input.insert(input.end(), stream.begin(), stream.end());
        if (below(5) < 3)
            mutate(input);
        return input;
    }

private:
    std::uint64_t below(std::uint64_t bound) { return m_random() % bound; }
    std::uint8_t byte() { return static_cast<std::uint8_t>(m_random()); }

    std::string text(std::uint64_t maxLength)
    {
        std::string out(below(maxLength + 1), 'a');
        for (char &c : out)
            c = static_cast<char>('a' + below(26));
        return out;
    }

    v1::Envelope envelope()
    {
        v1::Envelope e;
        if (below(2))
            e.set_seq(m_random() >> below(64));
        switch (below(7)) {
        case 0:
            break; // seq only, or empty
        case 1:
            e.mutable_ping()->set_nonce(m_random());
            e.mutable_ping()->set_client_time_ms(static_cast<std::int64_t>(m_random()));
            break;
        case 2: {
            auto *hello = e.mutable_hello();
            hello->set_protocol_version(static_cast<std::uint32_t>(below(3)));
            hello->set_user(text(12));
            hello->set_site(static_cast<v1::Site>(below(4)));
            hello->set_client_name(text(10));
            break;
        }
        case 3: {
            auto *tick = e.mutable_tick();
            tick->mutable_state()->mutable_admission()->set_queue_depth(m_random() >> 20);
            auto *history = tick->mutable_samples();
            history->set_step_ms(1000);
            auto *series = history->add_providers();
            series->set_id(text(8));
            const auto n = below(8);
            for (std::uint64_t i = 0; i < n; ++i) {
                history->add_queue_depth(m_random() >> below(64));
                history->add_arrivals_per_s(static_cast<float>(below(100000)) / 7.0f);
                series->add_light(static_cast<v1::Light>(below(5)));
                series->add_error_rate(static_cast<float>(below(1000)) / 1000.0f);
            }
            break;
        }
        case 4:
            e.mutable_refusal()->set_code(static_cast<v1::RefusalCode>(below(7)));
            e.mutable_refusal()->set_reason(text(600)); // crosses the small caps
            break;
        case 5:
            e.mutable_snapshot_request()->set_last_seen_seq(m_random());
            break;
        default:
            e.mutable_heartbeat()->set_source_idle(below(2) != 0);
            break;
        }
        return e;
    }

    void mutate(Bytes &input)
    {
        constexpr std::size_t header = 4;
        const std::size_t body = input.size() - header;
        const auto at = [&] { return header + static_cast<std::size_t>(below(body + 1)); };
        switch (below(7)) {
        case 0: // flip a bit
            if (body > 0)
                input[header + below(body)] ^= static_cast<std::uint8_t>(1u << below(8));
            break;
        case 1: // cut the stream short
            input.resize(at());
            break;
        case 2: { // garbage appended
            const auto n = 1 + below(16);
            for (std::uint64_t i = 0; i < n; ++i)
                input.push_back(byte());
            break;
        }
        case 3: { // a huge announced length inserted
            Bytes prefix = {0x80, 0x80, 0x80, 0x80, 0x80, static_cast<std::uint8_t>(1 + below(0x7F))};
            input.insert(input.begin() + static_cast<std::ptrdiff_t>(at()), prefix.begin(), prefix.end());
            break;
        }
        case 4: { // an over-long varint inserted
            Bytes prefix(10 + below(3), 0x80);
            input.insert(input.begin() + static_cast<std::ptrdiff_t>(at()), prefix.begin(), prefix.end());
            break;
        }
        case 5: // overwrite a byte
            if (body > 0)
                input[header + below(body)] = byte();
            break;
        default: { // duplicate a slice
            const std::size_t from = at();
            const std::size_t to = std::min(input.size(), from + static_cast<std::size_t>(below(32)));
            const Bytes slice(input.begin() + static_cast<std::ptrdiff_t>(from),
                              input.begin() + static_cast<std::ptrdiff_t>(to));
            input.insert(input.begin() + static_cast<std::ptrdiff_t>(at()), slice.begin(), slice.end());
            break;
        }
        }
    }

    std::mt19937_64 m_random;
};

} // namespace

int main(int argc, char **argv)
{
    std::uint64_t randomInputs = 0;
    std::uint64_t seed = 0x5177'2021;
    std::vector<std::filesystem::path> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if ((arg == "--random" || arg == "--seed") && i + 1 < argc) {
            (arg == "--random" ? randomInputs : seed) = std::strtoull(argv[++i], nullptr, 0);
        } else {
            paths.emplace_back(arg);
        }
    }

    std::size_t files = 0;
    for (const auto &path : paths) {
        std::vector<std::filesystem::path> inputs;
        if (std::filesystem::is_directory(path)) {
            for (const auto &entry : std::filesystem::directory_iterator(path)) {
                if (entry.is_regular_file())
                    inputs.push_back(entry.path());
            }
            std::sort(inputs.begin(), inputs.end());
            if (inputs.empty()) {
                std::fprintf(stderr, "no inputs in %s\n", path.c_str());
                return 1;
            }
        } else if (std::filesystem::is_regular_file(path)) {
            inputs.push_back(path);
        } else {
            std::fprintf(stderr, "no such file or directory: %s\n", path.c_str());
            return 1;
        }
        for (const auto &input : inputs) {
            run(readFile(input));
            ++files;
        }
    }

    InputMaker maker(seed);
    for (std::uint64_t i = 0; i < randomInputs; ++i)
        run(maker.next());

    std::printf("ran %zu corpus files and %llu generated inputs (seed %llu)\n", files,
                static_cast<unsigned long long>(randomInputs), static_cast<unsigned long long>(seed));
    return 0;
}
