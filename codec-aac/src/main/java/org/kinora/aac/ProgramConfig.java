package org.kinora.aac;

import org.kinora.core.BitReader;
import org.kinora.core.MalformedStreamException;

/**
 * program_config_element (ISO/IEC 14496-3 4.4.1.1, Table 4.2; semantics 4.5.1.2): the channel
 * elements of a program and where their speakers are.
 */
final class ProgramConfig {
    static final int FRONT = 0;
    static final int SIDE = 1;
    static final int BACK = 2;
    static final int LFE = 3;

    int elementInstanceTag;
    int objectType;
    int samplingFrequencyIndex;
    /** Channel elements in front, side, back, LFE order: speaker group, whether a CPE, and tag. */
    int elementCount;
    final int[] group = new int[15 * 3 + 3];
    final boolean[] isCpe = new boolean[15 * 3 + 3];
    final int[] tag = new int[15 * 3 + 3];
    int channels;

    /**
     * Reads a program_config_element; {@code alignBase} is the bit position that byte_alignment()
     * counts from (the start of the raw_data_block or of the AudioSpecificConfig).
     */
    static ProgramConfig read(BitReader r, int alignBase) {
        return new ProgramConfig().readInto(r, alignBase);
    }

    /** Same as {@link #read}, into this object (the decoder reuses one per stream). */
    ProgramConfig readInto(BitReader r, int alignBase) {
        ProgramConfig p = this;
        p.elementCount = 0;
        p.channels = 0;
        p.elementInstanceTag = r.readBits(4);
        p.objectType = r.readBits(2);
        p.samplingFrequencyIndex = r.readBits(4);
        int front = r.readBits(4);
        int side = r.readBits(4);
        int back = r.readBits(4);
        int lfe = r.readBits(2);
        int assoc = r.readBits(3);
        int cc = r.readBits(4);
        if (r.readFlag()) {
            r.skipBits(4); // mono_mixdown_element_number
        }
        if (r.readFlag()) {
            r.skipBits(4); // stereo_mixdown_element_number
        }
        if (r.readFlag()) {
            r.skipBits(3); // matrix_mixdown_idx, pseudo_surround_enable
        }
        p.readElements(r, front, FRONT, true);
        p.readElements(r, side, SIDE, true);
        p.readElements(r, back, BACK, true);
        p.readElements(r, lfe, LFE, false);
        r.skipBits(4 * assoc); // assoc_data_element_tag_select
        r.skipBits(5 * cc); // cc_element_is_ind_sw, valid_cc_element_tag_select
        int misalign = (r.position() - alignBase) & 7;
        if (misalign != 0) {
            r.skipBits(8 - misalign);
        }
        int commentBytes = r.readBits(8);
        r.skipBits(8 * commentBytes);
        if (p.channels == 0) {
            throw new MalformedStreamException("program_config_element without channels");
        }
        return p;
    }

    /** True when {@code o} has the same channel elements in the same places. */
    boolean sameElements(ProgramConfig o) {
        if (o.elementCount != elementCount) {
            return false;
        }
        for (int e = 0; e < elementCount; e++) {
            if (o.group[e] != group[e] || o.isCpe[e] != isCpe[e]) {
                return false;
            }
        }
        return true;
    }

    void copyFrom(ProgramConfig o) {
        elementInstanceTag = o.elementInstanceTag;
        objectType = o.objectType;
        samplingFrequencyIndex = o.samplingFrequencyIndex;
        elementCount = o.elementCount;
        channels = o.channels;
        System.arraycopy(o.group, 0, group, 0, elementCount);
        System.arraycopy(o.isCpe, 0, isCpe, 0, elementCount);
        System.arraycopy(o.tag, 0, tag, 0, elementCount);
    }

    private void readElements(BitReader r, int count, int where, boolean hasCpeFlag) {
        for (int i = 0; i < count; i++) {
            boolean cpe = hasCpeFlag && r.readFlag();
            group[elementCount] = where;
            isCpe[elementCount] = cpe;
            tag[elementCount] = r.readBits(4);
            elementCount++;
            channels += cpe ? 2 : 1;
        }
    }
}
