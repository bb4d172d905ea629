<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology">
  <renderer-v2 type="categorizedSymbol" attr="code_exposition" enableorderby="0" symbollevels="0" forceraster="0">
    <categories>
      <category symbol="0" value="3" render="true" label="forte"/>
      <category symbol="1" value="2" render="true" label="moyenne"/>
      <category symbol="2" value="1" render="true" label="faible"/>
      <category symbol="3" value="0" render="true" label="non classé"/>
    </categories>
    <symbols>
      <symbol type="fill" name="0" alpha="0.55" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="192,57,43,255"/>
          <prop k="outline_style" v="no"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="1" alpha="0.55" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="243,156,18,255"/>
          <prop k="outline_style" v="no"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="2" alpha="0.55" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="247,220,111,255"/>
          <prop k="outline_style" v="no"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="3" alpha="0.35" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="200,200,200,255"/>
          <prop k="outline_style" v="no"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
</qgis>
