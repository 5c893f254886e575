package org.kinora.vorbis;

import java.util.List;
import org.kinora.core.LsbBitReader;
import org.kinora.core.MalformedStreamException;

/** The three Vorbis headers (Vorbis I chapter 4.2), checked and decoded. */
final class VorbisSetup {
    int channels;
    int sampleRate;
    int blocksize0;
    int blocksize1;
    Codebook[] codebooks;
    Floor[] floors;
    Residue[] residues;
    Mapping[] mappings;
    Mode[] modes;

    /** Vorbis I 4.2.4, mappings: which submap each channel uses, and the coupling steps. */
    static final class Mapping {
        int submaps;
        int[] mux;
        int[] submapFloor;
        int[] submapResidue;
        int couplingSteps;
        int[] magnitude;
        int[] angle;
    }

    /** Vorbis I 4.2.4, modes. */
    static final class Mode {
        boolean blockFlag;
        int mapping;
    }

    VorbisSetup(List<byte[]> headers) {
        if (headers.size() < 3) {
            throw new MalformedStreamException("Vorbis needs 3 header packets, the track has " + headers.size());
        }
        LsbBitReader r = new LsbBitReader();
        byte[] id = headers.get(0);
        r.reset(id, 0, id.length);
        readCommonHeader(r, 1);
        readIdentification(r);
        byte[] comment = headers.get(1);
        r.reset(comment, 0, comment.length);
        readCommonHeader(r, 3);
        byte[] setup = headers.get(2);
        r.reset(setup, 0, setup.length);
        readCommonHeader(r, 5);
        readSetup(r);
    }

    // Vorbis I 4.2.1
    private static void readCommonHeader(LsbBitReader r, int type) {
        int t = r.readBits(8);
        boolean magic = r.readBits(8) == 'v' && r.readBits(8) == 'o' && r.readBits(8) == 'r' && r.readBits(8) == 'b'
                && r.readBits(8) == 'i' && r.readBits(8) == 's';
        if (t != type || !magic || r.endOfPacket()) {
            throw new MalformedStreamException("not a Vorbis header of type " + type);
        }
    }

    // Vorbis I 4.2.2
    private void readIdentification(LsbBitReader r) {
        int version = r.readBits(32);
        channels = r.readBits(8);
        sampleRate = r.readBits(32);
        r.readBits(32);
        r.readBits(32);
        r.readBits(32);
        int e0 = r.readBits(4);
        int e1 = r.readBits(4);
        boolean framing = r.readFlag();
        if (r.endOfPacket() || version != 0 || channels == 0 || sampleRate <= 0 || e0 < 6 || e0 > 13 || e1 < 6 || e1 > 13
                || e0 > e1 || !framing) {
            throw new MalformedStreamException("bad Vorbis identification header");
        }
        blocksize0 = 1 << e0;
        blocksize1 = 1 << e1;
    }

    // Vorbis I 4.2.4
    private void readSetup(LsbBitReader r) {
        int codebookCount = r.readBits(8) + 1;
        codebooks = new Codebook[codebookCount];
        Codebook.Budget budget = new Codebook.Budget();
        for (int i = 0; i < codebookCount; i++) {
            codebooks[i] = new Codebook(r, budget);
        }
        int timeCount = r.readBits(6) + 1;
        for (int i = 0; i < timeCount; i++) {
            if (r.readBits(16) != 0) {
                throw new MalformedStreamException("Vorbis time domain transform is not 0");
            }
        }
        int floorCount = r.readBits(6) + 1;
        floors = new Floor[floorCount];
        for (int i = 0; i < floorCount; i++) {
            int type = r.readBits(16);
            if (type == 0) {
                floors[i] = new Floor0(r, codebooks, blocksize0, blocksize1);
            } else if (type == 1) {
                floors[i] = new Floor1(r, codebooks);
            } else {
                throw new MalformedStreamException("Vorbis floor type " + type);
            }
        }
        int residueCount = r.readBits(6) + 1;
        residues = new Residue[residueCount];
        for (int i = 0; i < residueCount; i++) {
            int type = r.readBits(16);
            if (type > 2) {
                throw new MalformedStreamException("Vorbis residue type " + type);
            }
            residues[i] = new Residue(type, r, codebooks);
        }
        int mappingCount = r.readBits(6) + 1;
        mappings = new Mapping[mappingCount];
        for (int i = 0; i < mappingCount; i++) {
            mappings[i] = readMapping(r);
        }
        int modeCount = r.readBits(6) + 1;
        modes = new Mode[modeCount];
        for (int i = 0; i < modeCount; i++) {
            Mode m = new Mode();
            m.blockFlag = r.readFlag();
            int windowType = r.readBits(16);
            int transformType = r.readBits(16);
            m.mapping = r.readBits(8);
            if (windowType != 0 || transformType != 0 || m.mapping >= mappingCount) {
                throw new MalformedStreamException("bad Vorbis mode " + i);
            }
            modes[i] = m;
        }
        if (!r.readFlag() || r.endOfPacket()) {
            throw new MalformedStreamException("Vorbis setup header framing bit missing");
        }
    }

    // Vorbis I 4.2.4, mappings
    private Mapping readMapping(LsbBitReader r) {
        int type = r.readBits(16);
        if (type != 0) {
            throw new MalformedStreamException("Vorbis mapping type " + type);
        }
        Mapping m = new Mapping();
        m.submaps = r.readFlag() ? r.readBits(4) + 1 : 1;
        if (r.readFlag()) {
            m.couplingSteps = r.readBits(8) + 1;
            m.magnitude = new int[m.couplingSteps];
            m.angle = new int[m.couplingSteps];
            int bits = Vorbis.ilog(channels - 1);
            for (int j = 0; j < m.couplingSteps; j++) {
                m.magnitude[j] = r.readBits(bits);
                m.angle[j] = r.readBits(bits);
                if (m.magnitude[j] == m.angle[j] || m.magnitude[j] >= channels || m.angle[j] >= channels) {
                    throw new MalformedStreamException("bad Vorbis channel coupling");
                }
            }
        } else {
            m.magnitude = new int[0];
            m.angle = new int[0];
        }
        if (r.readBits(2) != 0) {
            throw new MalformedStreamException("Vorbis mapping reserved bits are not 0");
        }
        m.mux = new int[channels];
        if (m.submaps > 1) {
            for (int j = 0; j < channels; j++) {
                m.mux[j] = r.readBits(4);
                if (m.mux[j] >= m.submaps) {
                    throw new MalformedStreamException("Vorbis mapping mux " + m.mux[j] + " of " + m.submaps + " submaps");
                }
            }
        }
        m.submapFloor = new int[m.submaps];
        m.submapResidue = new int[m.submaps];
        for (int j = 0; j < m.submaps; j++) {
            r.readBits(8);
            m.submapFloor[j] = r.readBits(8);
            m.submapResidue[j] = r.readBits(8);
            if (m.submapFloor[j] >= floors.length || m.submapResidue[j] >= residues.length) {
                throw new MalformedStreamException("Vorbis mapping names a missing floor or residue");
            }
        }
        if (r.endOfPacket()) {
            throw new MalformedStreamException("Vorbis setup header ends inside a mapping");
        }
        return m;
    }
}
